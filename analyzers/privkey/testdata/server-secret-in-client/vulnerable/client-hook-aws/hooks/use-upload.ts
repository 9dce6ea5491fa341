'use client'

import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'

const s3 = new S3Client({
  region: 'eu-central-1',
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, // want privileged-key/server-secret-in-client
  },
})

export function useUpload() {
  return (file: File) => s3.send(new PutObjectCommand({ Bucket: 'acme-uploads', Key: file.name, Body: file }))
}
