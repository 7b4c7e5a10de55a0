/** Reads a chosen file as base64, reporting progress (0..1) for large bundles. */
export function readFileAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`))
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result as ArrayBuffer)
      // btoa takes a binary string; build it in chunks so large files do not overflow the call stack.
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      onProgress(1)
      resolve(btoa(binary))
    }
    reader.readAsArrayBuffer(file)
  })
}
