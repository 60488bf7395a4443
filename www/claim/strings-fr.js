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
  helpTitle: 'Raccourcis clavier', close: 'Fermer', or: ' ou ',
  keys: [
    ['↓ / ↑ ou j / k', 'phrase suivante / précédente'],
    ['Maj + ↓ / ↑', 'étendre sur plusieurs phrases'],
    ['{keys}', 'étiqueter la ou les phrases : {tags}'],
    ['n', 'ajouter ou modifier une note'],
    ['Suppr', 'retirer le surlignage de la phrase'],
    ['x', 'écarter le paragraphe ou le remettre dans l’article'],
    ['Ctrl + Z / Ctrl + Maj + Z', 'annuler / rétablir'],
    ['Échap', 'annuler l’action en cours'],
    ['?', 'afficher ou masquer cette aide'],
  ],
  storeFail: 'Vos annotations n’ont pas pu être enregistrées dans ce navigateur (stockage plein ou désactivé). Elles restent sur cette page : utilisez Exporter pour en garder une copie.',
  importFail: (m) => `Échec de l’import : ${m}`,
  importAsk: (n) => `Vous avez ${n} annotation${n === 1 ? '' : 's'}. Ajouter celles du fichier (les mêmes identifiants sont remplacés), ou tout remplacer ? Annuler revient sur l’import.`,
  merge: 'Ajouter aux miennes', replace: 'Remplacer les miennes',
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

/** Exercise strings (teacher and student mode; English in strings-exercise.js). */
export const SX = {
  bad: (m) => `Ce n’est pas un fichier d’exercice valide : ${m}`,
  exercise: 'Exercice', exerciseTitle: (t) => `Exercice : ${t}`,
  nameTitle: 'Avant de commencer', name: 'Votre nom',
  nameHint: 'Il reste dans ce navigateur et figure dans le travail que vous exportez.',
  nameNeeded: 'Veuillez saisir votre nom.', start: 'Commencer',
  working: (n) => `Vous travaillez sous le nom ${n}.`, changeName: 'Changer de nom',
  exportHint: 'Quand vous avez fini, utilisez Exporter pour enregistrer votre travail et rendre le fichier.',
  compare: 'Comparer avec les suggestions',
  compareHint: 'Après avoir étiqueté une phrase, vous pouvez afficher l’étiquette suggérée et sa raison.',
  compareNone: 'Étiquetez une phrase pour la comparer avec la suggestion.',
  compareLoading: 'Chargement des suggestions…',
  compareFail: (m) => `Les suggestions n’ont pas pu être chargées : ${m}`,
  yours: (tags) => `Vous : ${tags.join(', ')}`,
  reveal: 'Afficher la suggestion', hideSugg: 'Masquer la suggestion',
  suggested: (tag, same) => `Suggestion : ${tag} (${same ? 'comme vous' : 'pas votre choix'}).`,
  why: (r) => `Pourquoi : ${r}`,
  prepare: 'Préparer un exercice',
  keyHint: 'Étiquetez l’article pour créer le corrigé : vos surlignages sont le corrigé, et la note d’un surlignage en est la raison. Les élèves ne voient jamais le corrigé.',
  title: 'Titre', instructions: 'Consignes pour les élèves',
  tags: 'Jeu d’étiquettes (JSON, comme l’attribut tags)', applyTags: 'Appliquer le jeu d’étiquettes',
  tagsApplied: 'Jeu d’étiquettes appliqué.',
  badTags: (m) => `Le jeu d’étiquettes n’a pas été appliqué : ${m}`,
  suggestions: 'Montrer les suggestions : après avoir étiqueté une phrase, l’élève peut afficher l’étiquette suggérée et sa raison',
  keyCount: (n, r) => `Corrigé : ${n} surlignage${n === 1 ? '' : 's'}, dont ${r} avec une raison.`,
  saveJson: 'Enregistrer l’exercice (.json)', saveHtml: 'Enregistrer en un seul fichier HTML', openEx: 'Ouvrir un exercice…',
  saved: (f) => `${f} enregistré.`, building: 'Création du fichier HTML unique…',
  fetchFail: (what, m) => `Impossible de créer le fichier HTML unique : ${what} : ${m}`,
  opened: (t) => `Exercice « ${t} » ouvert.`,
  noscript: 'Cet exercice a besoin de JavaScript.',
};
