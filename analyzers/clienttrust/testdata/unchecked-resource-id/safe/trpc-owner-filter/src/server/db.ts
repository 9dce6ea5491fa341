import { PrismaClient } from '@db/client'
export const db = new PrismaClient()
