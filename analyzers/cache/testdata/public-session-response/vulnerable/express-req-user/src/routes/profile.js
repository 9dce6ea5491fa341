const express = require('express');
const { requireLogin } = require('../middleware/auth');

const router = express.Router();

router.get('/profile', requireLogin, async (req, res) => {
  const profile = await req.app.locals.db.profiles.findOne({ userId: req.user.id });
  res.set('Cache-Control', 'public, max-age=3600'); // want cache/public-session-response
  res.json(profile);
});

module.exports = router;
