// Creates one MongoDB user per Onward service, limited to that service's
// own database (readWrite and dbAdmin, for its indexes, there and nowhere
// else). The mongo image runs this once, as the root user, when its data
// directory is empty; the passwords come from the container's environment
// (MONGO_<SERVICE>_PASSWORD, see docker-compose.yml), never from this file.
// Each service connects with
//   mongodb://onward_<service>:<password>@mongo:27017/onward_<service>?replicaSet=rs0&authSource=onward_<service>

function serviceUser(service) {
  const variable = 'MONGO_' + service.toUpperCase() + '_PASSWORD';
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set: cannot create the ' + service + ' user');
  }
  const database = 'onward_' + service;
  db.getSiblingDB(database).createUser({
    user: database,
    pwd: password,
    roles: [{ role: 'readWrite', db: database }, { role: 'dbAdmin', db: database }],
  });
}

serviceUser('gateway');
serviceUser('employers');
serviceUser('candidates');
serviceUser('matching');
serviceUser('notifications');
serviceUser('placements');
serviceUser('insights');
