export * from './browser'
export * from './admin'
