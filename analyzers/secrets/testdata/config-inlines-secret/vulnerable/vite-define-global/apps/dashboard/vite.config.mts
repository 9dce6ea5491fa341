import { defineConfig } from 'vite'

export default defineConfig({
  define: {
    __SUPABASE_SECRET__: JSON.stringify(process.env.SUPABASE_SECRET_KEY), // want secrets/config-inlines-secret
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version),
  },
})
