import { NextResponse, type NextRequest } from 'next/server'

const locales = ['en', 'de']

export function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (locales.some((l) => pathname.startsWith(`/${l}`))) return NextResponse.next()
  return NextResponse.redirect(new URL(`/en${pathname}`, request.url))
}

export const config = { matcher: ['/((?!api|_next|favicon.ico).*)'] }
