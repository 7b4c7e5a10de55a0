/**
 * The distinct words of the forms, each numbered in order of first appearance. A form's words are
 * found in its text where they stand, hashed from their characters and compared with the word in the
 * slot, so that only a new word becomes a string of its own: splitting 2.3 million words into strings
 * to look each up in a Map was a third of building the index.
 */
export class Vocabulary {
  readonly words: string[] = []
  private slots = new Int32Array(1 << 16).fill(-1)
  private hashes = new Int32Array(1 << 15)

  /** The number of the word text[from .. to), added if new. */
  intern(text: string, from: number, to: number): number {
    let hash = 0x811c9dc5
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = this.slots[slot]
      if (word === -1) return this.add(text.slice(from, to), hash, slot)
      if (this.hashes[word] === hash && sameText(this.words[word], text, from, to)) return word
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length
    this.words.push(word)
    if (id === this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = hash
    this.slots[slot] = id
    // At most half full: open addressing stays a probe or two.
    if (this.words.length * 2 > this.slots.length) this.rehash()
    return id
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1)
    const mask = slots.length - 1
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & mask
      while (slots[slot] !== -1) slot = (slot + 1) & mask
      slots[slot] = id
    }
    this.slots = slots
  }
}

function sameText(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(from + i)) return false
  return true
}
