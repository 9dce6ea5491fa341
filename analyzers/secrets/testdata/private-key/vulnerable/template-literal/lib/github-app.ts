import { App } from 'octokit'

const privateKey = `-----BEGIN PRIVATE KEY-----
n6Yvy8lrVhZEgVfbB6Mpr2lzoTvURbGpEVT+fTmTPoeFGTy5c4oc+ojHxtLWsGI4
bdRt+9eejxY8u5YDjUQBNqfBvU7Q7XTOaQ9QDcF6fssIXIiHTremz2mUKEsjMRUF
SZQhRP9VFEStrAa6Z5YMvisMNGRjykwMT7T2i+OwJGcvIEcBgZ5zKmzEhqgkjRra
yIbPdBPPd+ZRwh1flQ/ZG7bdOOh1QulctAslTU2StQDH9eN6JUJqGb8mUtDZldrp
hAxHUtwudSF4/BSX6BPdnbiZShDW0WCdGcH3EDTAP2JM/Bu9IrMKlQa+FuO5BgAU
f4x3rMdotbrMtTmv7Yl1RYQeEzberD3ncgOiop+r2awCsoT/jSBCjIwbHIifzg0U
IbPf6KQ0IZ2O1XtXX0saEGWEzolegZP4O6a88RWEWTiYIPjCHH8S9CsiUAvUEwt6
wfPWU2p0tGWnUTM5lJYL5o59wtaqU+EVRWGczaHhwNJPGEH4l/lzq2LVf4WUfL03
GTEXqyViAQjk5WY1/dn77318wi4Y+rbDzZfLQX6plCjbn/lB6hzQ9h1r0gsPQyax
JHlOXGMY1gNMFW3GNzqgAV7+sURz6gObi0PeJC4LzA6Z4AAhx3pgrj/xbv/CLBus
Am7mzlg1CG42thrfu5LDOtNHPBtDYePWtLClz7tx3QZoeTpAjL+Sc/lz+JMlzr8I
DMemaSytMgwQS59FQUwoMi6mouY7eefm0q1TjVuUvlQa9MtHmnEot/IpP7FufGUz
-----END PRIVATE KEY-----`

export const app = new App({ appId: 123456, privateKey })
