module.exports = {
  async headers() {
    return [{ source: "/blog/:slug*", headers: [{ key: "Cache-Control", value: "public, s-maxage=600, stale-while-revalidate=86400" }] }];
  },
};
