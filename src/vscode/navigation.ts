/**
 * @fileoverview Go to definition, find references, document symbols and completion, adapted from
 * the pure `core/language` modules.
 */
import * as vscode from 'vscode';
import { nameCompletionsAt } from '../core/language/completion';
import { definitionsAt, referencesAt, type FileLocation } from '../core/language/navigation';
import { pathAt } from '../core/language/position';
import { documentSymbols, type ManifestSymbol } from '../core/language/symbols';
import { fieldsAt, valuesAt } from '../core/language/schema-lookup';
import { toRange, documentPositions } from './convert';
import type { KubePlanService } from './language-service';
import { t } from './l10n';

function toLocations(service: KubePlanService, locations: FileLocation[]): vscode.Location[] {
  return locations.flatMap((l) => {
    const positions = service.positionsOf(l.file);
    return positions ? [new vscode.Location(vscode.Uri.parse(l.file), toRange(positions, l.range))] : [];
  });
}

/** Makes sure the linter holds the document's current text, and returns its parsed source. */
function sourceOf(service: KubePlanService, document: vscode.TextDocument) {
  if (!service.findingsFor(document)) return undefined;
  return service.core.getSource(document.uri.toString());
}

export class KubePlanDefinitions implements vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(private readonly service: KubePlanService) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const source = sourceOf(this.service, document);
    if (!source) return [];
    return toLocations(this.service, definitionsAt(this.service.core.index, source, document.offsetAt(position)));
  }

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    const source = sourceOf(this.service, document);
    if (!source) return [];
    return toLocations(this.service, referencesAt(this.service.core.index, source, document.offsetAt(position)));
  }
}

const SYMBOL_KINDS: Record<string, vscode.SymbolKind> = {
  Container: vscode.SymbolKind.Field,
  Service: vscode.SymbolKind.Interface,
  ConfigMap: vscode.SymbolKind.Object,
  Secret: vscode.SymbolKind.Key,
  Namespace: vscode.SymbolKind.Namespace,
  Ingress: vscode.SymbolKind.Event,
  NetworkPolicy: vscode.SymbolKind.Struct,
};

export class KubePlanSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly service: KubePlanService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const source = sourceOf(this.service, document);
    if (!source) return [];
    const positions = documentPositions(document);
    const convert = (s: ManifestSymbol): vscode.DocumentSymbol => {
      const range = toRange(positions, s.range);
      const selection = toRange(positions, s.selectionRange);
      const symbol = new vscode.DocumentSymbol(s.name, s.detail, (Object.hasOwn(SYMBOL_KINDS, s.kind) ? SYMBOL_KINDS[s.kind]! : vscode.SymbolKind.Class), range, range.contains(selection) ? selection : range);
      symbol.children = s.children.map(convert);
      return symbol;
    };
    return documentSymbols(source).map(convert);
  }
}

export class KubePlanCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly service: KubePlanService) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const source = sourceOf(this.service, document);
    if (!source) return [];
    const offset = document.offsetAt(position);
    const names = nameCompletionsAt(this.service.core.index, source, offset);
    if (names) {
      return names.names.map((name) => {
        const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Reference);
        item.detail = t('{0} in the workspace', names.kind);
        return item;
      });
    }
    const at = pathAt(source, offset);
    if (!at) return [];
    const line = document.lineAt(position.line).text;
    const beforeCursor = line.slice(0, position.character);
    const valueMatch = /^\s*(?:-\s+)?([\w.-]+):\s*\S*$/.exec(beforeCursor);
    if (valueMatch && !at.onKey) {
      const values = valuesAt(at.manifest.apiVersion, at.manifest.kind, at.path);
      return (values ?? []).map((v) => new vscode.CompletionItem(String(v), vscode.CompletionItemKind.EnumMember));
    }
    if (/^\s*(?:-\s+)?[\w-]*$/.test(beforeCursor)) {
      // A key being typed: the fields of the mapping it belongs to, from the schema.
      const parentPath = keyParentPath(document, position, at.path, at.onKey);
      const present = new Set<string>();
      return fieldsAt(at.manifest.apiVersion, at.manifest.kind, parentPath)
        .filter((f) => !present.has(f.name))
        .map((f, i) => {
          const item = new vscode.CompletionItem(f.name, vscode.CompletionItemKind.Field);
          item.detail = `${f.type}${f.required ? ` · ${t('required')}` : ''}`;
          item.insertText = `${f.name}: `;
          item.sortText = String(i).padStart(3, '0');
          return item;
        });
    }
    return [];
  }
}

/**
 * The path of the mapping a key typed at `position` belongs to: the deepest path whose key sits
 * at a smaller indentation than the cursor's line.
 */
function keyParentPath(document: vscode.TextDocument, position: vscode.Position, path: readonly (string | number)[], onKey: boolean): (string | number)[] {
  const base = onKey ? path.slice(0, -1) : [...path];
  const indent = /^\s*(?:-\s+)?/.exec(document.lineAt(position.line).text)![0].length;
  // Walk up while the path's own key is indented at or beyond the cursor.
  const out = [...base];
  for (let line = position.line - 1; line >= 0 && out.length; line--) {
    const text = document.lineAt(line).text;
    const m = /^(\s*)(?:-\s+)?([\w./-]+):/.exec(text);
    if (!m) continue;
    const keyIndent = text.indexOf(m[2]!);
    if (keyIndent < indent) break;
    if (out[out.length - 1] === m[2]) {
      out.pop();
      while (typeof out[out.length - 1] === 'number') out.pop();
    }
  }
  return out;
}
