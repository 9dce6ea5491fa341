module.exports = {
  async headers() {
    return [{ source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store, max-age=0" }] }];
  },
};
