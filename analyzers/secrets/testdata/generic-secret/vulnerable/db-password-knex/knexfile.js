module.exports = {
  production: {
    client: 'pg',
    connection: {
      host: 'acme-prod.cluster-c9xk2.eu-west-1.rds.amazonaws.com',
      user: 'acme_app',
      password: 'Vq7#pL2xR9mT', // want secrets/generic-secret
      database: 'acme',
    },
  },
}
