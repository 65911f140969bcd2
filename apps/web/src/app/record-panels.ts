import { registerRecordPanel } from '../components/records/record-panels';
import { DocumentsPanel } from '../features/documents/components/documents-panel';
import { DealDocumentsPanel } from '../features/sales-documents/components/deal-documents-panel';

/** Panels shown on every record detail page (composed here: features never import each other). */
registerRecordPanel({ key: 'deal-documents', Panel: DealDocumentsPanel });
registerRecordPanel({ key: 'documents', Panel: DocumentsPanel });
