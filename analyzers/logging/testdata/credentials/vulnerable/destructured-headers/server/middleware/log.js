export function requestLogger(req, res, next) {
  const { authorization, cookie } = req.headers;
  console.log(`[${req.method}] ${req.url}`, { authorization, cookie });  // want logging/credentials
  next();
}
