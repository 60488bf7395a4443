// French UI strings: the same keys as strings.js (English). Loaded only when the widget's
// language (its `lang` attribute, or the nearest ancestor's, or the page's) is French.
// Self-contained (no imports): it is fetched at run time next to the bundle.
export const S = {
  loading: 'Chargement de l’article…',
  loadError: (m) => `claimmark ne peut pas afficher cet article : ${m}`,
  leftOut: (n, reasons) => `${n} bloc${n === 1 ? '' : 's'} écarté${n === 1 ? '' : 's'}${reasons.length ? ` (${reasons.join(', ')})` : ''}`,
  show: 'Afficher', hide: 'Masquer',
  include: 'Remettre dans l’article', exclude: 'Écarter de l’article',
  movedOut: 'écarté par vous', movedIn: 'remis dans l’article par vous',
  toolbar: 'Étiqueter la sélection', editor: 'Modifier l’annotation',
  note: 'Note', notePh: 'Ajouter une note (facultatif)', save: 'Enregistrer la note', del: 'Supprimer', cancel: 'Annuler',
  pick: 'Plusieurs surlignages ici ; choisissez-en un', pickItem: (tag, q) => `${tag} : « ${q} »`,
  list: 'Annotations', listToggle: (n) => `Annotations (${n})`, all: 'Toutes',
  filter: 'Filtrer par étiquette', empty: 'Aucune annotation. Sélectionnez du texte ou une phrase, puis choisissez une étiquette.',
  orphans: 'Texte qui n’est plus dans l’article', edit: 'Modifier', noNote: '',
  undo: 'Annuler', redo: 'Rétablir', exportBtn: 'Exporter', csvBtn: 'Exporter en CSV', importBtn: 'Importer', help: 'Raccourcis clavier',
  helpTitle: 'Raccourcis clavier', close: 'Fermer',
  keys: [
    ['↓ / ↑ ou j / k', 'phrase suivante / précédente'],
    ['Maj + ↓ / ↑', 'étendre sur plusieurs phrases'],
    ['1 2 3 ou f a q', 'étiqueter la ou les phrases : fait, analyse, citation'],
    ['n', 'ajouter ou modifier une note'],
    ['Suppr', 'retirer le surlignage de la phrase'],
    ['x', 'écarter le paragraphe ou le remettre dans l’article'],
    ['Ctrl + Z / Ctrl + Maj + Z', 'annuler / rétablir'],
    ['Échap', 'annuler l’action en cours'],
    ['?', 'afficher ou masquer cette aide'],
  ],
  storeFail: 'Vos annotations n’ont pas pu être enregistrées dans ce navigateur (stockage plein ou désactivé). Elles restent sur cette page : utilisez Exporter pour en garder une copie.',
  importFail: (m) => `Échec de l’import : ${m}`,
  imported: (n) => `${n} annotation${n === 1 ? '' : 's'} importée${n === 1 ? '' : 's'}.`,
  added: (tag, q) => `Étiqueté ${tag} : ${q}`,
  changed: (tag) => `Changé en ${tag}`,
  removed: 'Surlignage retiré',
  undone: 'Annulé', redone: 'Rétabli', nothing: 'Rien à annuler',
  sentence: (i, n, tags) => `Phrase ${i} sur ${n}${tags.length ? `, étiquetée ${tags.join(', ')}` : ''}`,
  tagged: (tags) => `étiquetée ${tags.join(', ')}`,
  synced: 'Mis à jour depuis un autre onglet',
  legend: 'Étiquettes', notes: 'Notes',
};

export const REASONS = {
  related: 'article connexe', sponsored: 'contenu sponsorisé', copyright: 'droits d’auteur', navigation: 'navigation',
  share: 'invitation à partager', advertising: 'publicité', 'duplicate-title': 'titre répété', other: 'hors du texte de l’article',
};

/** Tag labels of the default tag set. */
export const TAGS = { fact: 'Fait', analysis: 'Analyse', quote: 'Citation' };
