// Package launcher runs the whole Onward platform in one process for
// development: the gateway and the employers, candidates and matching
// services, on an embedded FerretDB whose SQLite files live in a data
// directory and an embedded, in-memory miniredis, unless MONGO_URI and
// REDIS_URL name real servers. It is what `make run` starts. Production
// runs one container per service instead (see docs/deployment.md).
package launcher

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/onward-jobs/onward/pkg/config"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// Run starts the platform and blocks until ctx ends; then it stops every
// service gracefully, and the mail catcher and the embedded stores after
// them. Without SMTP_URL the services mail to a development mail catcher
// (Mailpit) whose viewer the banner names. It returns an
// error if anything fails to start or a service stops by itself, having
// stopped everything else. environ is the environment (normally the
// process's); console gets the banner and a generated administrator
// password; logOut gets the logs of the launcher and every service.
func Run(ctx context.Context, environ map[string]string, console, logOut io.Writer) error {
	started := time.Now()
	cfg, err := LoadConfig(environ)
	if err != nil {
		return err
	}
	logger := httpx.NewLogger(logOut, cfg.LogFormat, "info", "onward-local")
	logger.Info("starting", config.Attrs(cfg)...)
	svcs, err := withInstances(onwardServices(cfg, console), cfg.Instances)
	if err != nil {
		return err
	}
	if err := checkPortsFree(svcs, mailAddrs(cfg)); err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return fmt.Errorf("data directory: %w", err)
	}
	secrets, err := loadSecrets(cfg.DataDir, environ)
	if err != nil {
		return err
	}
	st, err := startStores(cfg, logger, logOut)
	if err != nil {
		return err
	}
	mail, err := startMailCatcher(cfg, logger, logOut)
	if err != nil {
		return errors.Join(err, st.Stop())
	}

	svcCtx, stopServices := context.WithCancel(ctx)
	defer stopServices()
	shared := sharedEnviron(environ, cfg, st, secrets, svcs)
	mail.addTo(shared)
	g := newGroup(len(svcs))
	runErr := g.startInTwoWaves(ctx, svcCtx, svcs, shared, logOut, cfg.StartTimeout)
	switch {
	case ctx.Err() != nil:
		runErr = nil // stopped while starting: a normal stop
	case runErr == nil:
		printBanner(console, bannerInfo{
			PublicURL: cfg.PublicURL, AdminEmail: cfg.AdminEmail, PasswordSet: environ["ONWARD_ADMIN_PASSWORD"] != "",
			DataDir: cfg.DataDir, Stores: st, Mail: mail.Banner(), Services: svcs, StartedIn: time.Since(started),
		})
		runErr = g.watch(ctx)
	}

	if runErr != nil {
		logger.Error("stopping after a failure", "error", runErr.Error())
	} else {
		logger.Info("stopping")
	}
	stopServices()
	err = errors.Join(runErr, g.wait(cfg.StopTimeout), mail.Stop(), st.Stop())
	if err == nil {
		logger.Info("stopped cleanly")
	}
	return err
}
