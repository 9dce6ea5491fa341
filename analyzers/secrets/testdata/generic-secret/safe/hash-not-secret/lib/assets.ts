export const buildHash = '102f29a422eb14ab2f2d0f0cc022238daceee209'
export const commitSha = '2f073ff80b9465aef7ac86d66c7a644fb12853ef'
export const integrity = 'sha384-r7n1AyOHFRuT11NCue1cr3McRTrKwtPYKbPizDmbX1rpXjYdOhCgOIPOZx9eRmm0'
