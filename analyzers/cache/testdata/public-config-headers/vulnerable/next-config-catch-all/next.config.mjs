const securityHeaders = [{ key: "X-Frame-Options", value: "DENY" }];

export default {
  async headers() {
    return [
      { source: "/(.*)", headers: [...securityHeaders] },
      {
        source: "/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=600" }], // want cache/public-config-headers
      },
    ];
  },
};
