import { Html, Head, Main, NextScript } from 'next/document'
export default function Document() {
  return <Html><Head><meta name="build" content={process.env.BUILD_TOKEN_ID} /></Head><body><Main /><NextScript /></body></Html>
}
