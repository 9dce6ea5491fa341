module.exports = {
  region: 'us-east-1',
  accessKeyId: 'AKIAYFKOZM4LNCZ7KYWH', // want secrets/api-token
  bucket: 'customer-uploads',
}
