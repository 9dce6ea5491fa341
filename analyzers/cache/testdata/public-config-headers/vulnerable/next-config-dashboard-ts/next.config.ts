import type { NextConfig } from "next";

const ONE_HOUR = "s-maxage=3600";

const config: NextConfig = {
  headers: async () => [
    {
      source: "/dashboard/:path*",
      headers: [
        {
          key: "Cache-Control",
          value: ONE_HOUR, // want cache/public-config-headers
        },
      ],
    },
  ],
};

export default config;
