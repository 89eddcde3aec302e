// A download product's file as the API shows it.
export interface FileRow { id: string; product_id: string; filename: string; size: string | number; sha256: string; storage_key: string; created_at: Date }

export function presentFile(r: FileRow) {
  return { id: r.id, object: 'file' as const, product_id: r.product_id, filename: r.filename, size: Number(r.size), sha256: r.sha256, created_at: r.created_at.toISOString() };
}
