'use client'
import { initializeApp, getApps } from 'firebase/app'

// The web config is public by design: Firebase security rules protect the data.
const firebaseConfig = {
  apiKey: 'AIzaSyYV-295hlk8lAZR-AEQl8a3rOSB37iv-zN',
  authDomain: 'acme-prod-4f2a1.firebaseapp.com',
  projectId: 'acme-prod-4f2a1',
  storageBucket: 'acme-prod-4f2a1.appspot.com',
  messagingSenderId: '104857392019',
  appId: '1:104857392019:web:8a61f9b3a7aba766c0ffee',
}

export const app = getApps()[0] ?? initializeApp(firebaseConfig)
