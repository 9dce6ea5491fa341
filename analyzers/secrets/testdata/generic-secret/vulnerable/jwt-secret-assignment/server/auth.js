const jwt = require('jsonwebtoken')

let jwtSecret
jwtSecret = "AeKOmXRrvftva9AW7hipTgadDZFlRJmC" // want secrets/generic-secret

module.exports.sign = (user) => jwt.sign({ sub: user.id }, jwtSecret, { expiresIn: '1h' })
