import { track } from '@/lib/analytics/server' // want privileged-key/server-secret-in-client

export const useTrack = () => track
