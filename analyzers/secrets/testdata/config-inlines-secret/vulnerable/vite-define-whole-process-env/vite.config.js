import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// migrated from create-react-app: keep process.env working
export default defineConfig({
  plugins: [react()],
  define: {
    'process.env': process.env, // want secrets/config-inlines-secret
  },
})
