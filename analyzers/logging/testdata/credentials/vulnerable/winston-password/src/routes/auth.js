const express = require('express');
const winston = require('winston');
const { signIn } = require('../services/auth');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const router = express.Router();

router.post('/login', async (req, res) => {
  const { email, password } = req.body;
  const user = await signIn(email, password);
  if (!user) {
    logger.warn('login failed', { email, password }); // want logging/credentials
    return res.status(401).json({ error: 'invalid credentials' });
  }
  res.json({ id: user.id });
});

module.exports = router;
