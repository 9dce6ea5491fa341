import { NextResponse, type NextRequest } from 'next/server'
import { auth } from './auth'

export default auth((req) => {
  if (!req.auth) return NextResponse.redirect(new URL('/signin', req.nextUrl))
  return NextResponse.next()
})

export const config = { matcher: ['/app/:path*', '/api/private/:path*'] }
