const jwtSecret = 'EqlTaWEITclorXwIS8HGNWkz2YS5ofA7'

test('signs tokens', () => {
  expect(jwtSecret.length).toBe(32)
})
