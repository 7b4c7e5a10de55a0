/** A button-styled file picker; the chosen file is handed over and the input reset so the same file can be chosen again. */
export function FileButton({
  label,
  accept,
  onFile,
}: {
  label: string
  accept?: string
  onFile: (file: File) => void
}) {
  return (
    <label className="button">
      {label}
      <input
        type="file"
        accept={accept}
        className="visually-hidden"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) onFile(file)
        }}
      />
    </label>
  )
}
