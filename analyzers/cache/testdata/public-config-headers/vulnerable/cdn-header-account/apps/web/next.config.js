module.exports = {
  async headers() {
    return [
      {
        source: '/account/:section*',
        headers: [{ key: 'CDN-Cache-Control', value: 'max-age=900' }], // want cache/public-config-headers
      },
    ];
  },
};
