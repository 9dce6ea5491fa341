import pino from "pino";
import express from "express";

const log = pino();
const app = express();
app.use((req, _res, next) => {
  log.info({ url: req.url, headers: req.headers }, "request"); // want logging/credentials
  next();
});
