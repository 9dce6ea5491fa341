'use client'

export function TeamPicker() {
  return <select />
}
