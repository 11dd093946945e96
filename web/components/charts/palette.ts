/**
 * Chart colours, each at least 3:1 against the white and light-grey backgrounds (WCAG 1.4.11),
 * and never the only difference: lines also differ by dash pattern and marker shape, and every
 * series is named in text beside it.
 */
export const INK = '#1b1f24'
export const OURS = '#0b4f8a'
export const PEER = '#a35200'
export const BAR = '#4f7fae'
export const BAND_FILL = '#b8c9dc'
export const BAND_LINE = '#5b6b80'
export const GRID = '#8a94a3'

/** One style per series: colour, dash pattern and marker shape (circle, square, triangle, diamond). */
export const SERIES = [
  { color: '#0b4f8a', dash: '', marker: 'circle' },
  { color: '#a35200', dash: '8 4', marker: 'square' },
  { color: '#1e6b34', dash: '2 3', marker: 'triangle' },
  { color: '#7b2d8e', dash: '10 3 2 3', marker: 'diamond' },
  { color: '#a4161a', dash: '4 4', marker: 'circle' },
  { color: '#3d4a5c', dash: '1 2', marker: 'square' },
] as const
export type SeriesStyle = (typeof SERIES)[number]

/** An SVG path for a marker of the given shape centred on (x, y). */
export function markerPath(shape: SeriesStyle['marker'], x: number, y: number, r = 5): string {
  switch (shape) {
    case 'square':
      return `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}z`
    case 'triangle':
      return `M${x} ${y - r * 1.2}L${x + r * 1.1} ${y + r * 0.8}L${x - r * 1.1} ${y + r * 0.8}z`
    case 'diamond':
      return `M${x} ${y - r * 1.3}L${x + r * 1.3} ${y}L${x} ${y + r * 1.3}L${x - r * 1.3} ${y}z`
    default:
      return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`
  }
}

/** Keeps a value inside the drawable 0–100 range (intervals are not clamped by the API). */
export const clamp100 = (v: number) => Math.max(0, Math.min(100, v))
