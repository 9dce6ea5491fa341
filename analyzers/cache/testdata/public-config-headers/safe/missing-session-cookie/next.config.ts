import type { NextConfig } from "next";

const config: NextConfig = {
  async headers() {
    return [
      {
        source: "/(.*)",
        missing: [{ type: "cookie", key: "__Secure-authjs.session-token" }],
        headers: [{ key: "Cache-Control", value: "public, s-maxage=60" }],
      },
    ];
  },
};
export default config;
