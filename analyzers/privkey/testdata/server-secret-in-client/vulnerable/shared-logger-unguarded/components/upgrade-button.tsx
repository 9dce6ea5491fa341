'use client'

import { createScopedLogger } from '@/utils/logger' // want privileged-key/server-secret-in-client

const logger = createScopedLogger('upgrade')

export const UpgradeButton = () => <button onClick={() => logger.info('clicked')}>Upgrade</button>
