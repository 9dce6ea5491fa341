const tokenIcon = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGXRFWHRTb2Z0d2FyZQBBZG9iZSBJbWFnZVJlYWR5ccllPAAAAJ5JREFUeNpi/P//PwMlgImBQjDwBrCgCzQ0NPwH0Y2NjYwg+v///4xQ+v///6lYmP8zMjIy/v//H2gQGv8xQw1jQtfw9+/f/8yMjIz///+HGwSioAaxIrsAWZAGRqgKRkbG/yA=='

export function TokenBadge({ label }: { label: string }) {
  return <span><img src={tokenIcon} alt="" />{label}</span>
}
