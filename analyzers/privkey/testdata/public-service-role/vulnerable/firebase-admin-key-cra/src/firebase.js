import { initializeApp } from 'firebase/app'

export const app = initializeApp({
  apiKey: process.env.REACT_APP_FIREBASE_API_KEY,
  projectId: process.env.REACT_APP_FIREBASE_PROJECT_ID,
})
export const adminKey = process.env.REACT_APP_FIREBASE_ADMIN_KEY // want privileged-key/public-service-role
