// French strings of the teacher review page: the same keys as review-strings.js (English).
// Loaded by review.js only when the page is shown in French. Self-contained (no imports): it is
// fetched at run time next to review.js. French spacing: a no-break space (NB) before « : » and
// inside « guillemets », a narrow one (NN) before ; ? ! and % (numbers come from toLocaleString).
const NB = '\u00a0';
const NN = '\u202f';
const num = (n) => n.toLocaleString('fr');
const s = (n, word = '') => (n === 1 ? '' : word || 's');
const plural = (n, one, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
const q = (t) => `«${NB}${t}${NB}»`;
const list = (names) => names.map(q).join(', ');
const dec = (v, d) => v.toLocaleString('fr', { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false });
const pct = (v) => `${dec(100 * v, 1)}${NN}%`;

// The classroom module's errors are in English; the ones a teacher meets most are said in
// French here (anything else is shown as it is).
const FAILURES = [
  [/^made for a different article(?: \(“(.*)”\))?: its claimmark:contentHash does not match the text of the article being scored$/s,
    (t) => `fait pour un autre article${t ? ` (${q(t)})` : ''}${NB}: son claimmark:contentHash ne correspond pas au texte de l’article évalué`],
  [/^this is an exercise file \(the teacher's\), not an annotation export: choose it as the answer key$/,
    () => `c’est un fichier d’exercice (celui de l’enseignant), pas un export d’annotations${NB}: choisissez-le comme corrigé`],
  [/^this exercise(?: “(.*)”)? has no answer key \(no "key"\): save it again from teacher mode with your annotations$/s,
    (t) => `cet exercice${t ? ` ${q(t)}` : ''} n’a pas de corrigé (pas de «${NB}key${NB}»)${NB}: enregistrez-le de nouveau ` +
      'depuis le mode enseignant avec vos annotations'],
  [/^this exercise(?: “(.*)”)? is for a different article than the one being scored$/s,
    (t) => `cet exercice${t ? ` ${q(t)}` : ''} porte sur un autre article que celui qui est évalué`],
  [/^not a valid exercise file: (.*)$/s, (m) => `ce n’est pas un fichier d’exercice valide${NB}: ${m}`],
  [/^the exercise's key: (.*)$/s, (m) => `le corrigé de l’exercice${NB}: ${failure(m)}`],
];
function failure(m) {
  for (const [re, say] of FAILURES) {
    const x = re.exec(m);
    if (x) return say(x[1]);
  }
  return m;
}

export const R = {
  // ---- review.html ----
  title: 'claimmark — bilan de la classe',
  tagline: `Bilan de la classe${NB}: comparez les exports des élèves à votre corrigé.`,
  language: 'Langue',
  h1: 'Bilan de la classe',
  intro: 'Chargez l’article (ou votre fichier d’exercice, qui le contient), votre corrigé et les exports des élèves ' +
    `(les fichiers enregistrés avec le bouton *Exporter*). Tout reste dans ce navigateur${NB}: rien n’est envoyé.`,
  hArticle: '1. Article',
  articleLegend: 'L’article que la classe a annoté',
  seedArticle: `L’article de démonstration (AP${NB}: ${q('Koreas talk again in dormant channels')})`,
  fileArticle: `Un fichier texte${NB}:`,
  articleFileLabel: 'Fichier texte de l’article',
  pasteArticle: `Un texte collé${NB}:`,
  articlePasteLabel: 'Texte de l’article',
  useText: 'Utiliser le texte collé',
  hFiles: '2. Corrigé et fichiers des élèves',
  keyFileLabel: `Votre corrigé${NB}: votre propre fichier *Exporter*, ou le fichier d’exercice enregistré en mode enseignant ` +
    '(il apporte l’article avec lui)',
  keyInUse: 'Corrigé utilisé',
  filesLabel: `Choisissez les fichiers des élèves (JSON W3C${NN}; plusieurs à la fois)`,
  folderLabel: '…ou choisissez un dossier, tel que votre plateforme (ENT, Moodle…) le fournit (les fichiers .json et ' +
    '.jsonld qu’il contient, sous-dossiers compris, sont lus)',
  dropHint: '…ou déposez ici des fichiers ou des dossiers.',
  clear: 'Retirer tous les fichiers',
  filesHint: 'Le corrigé est toujours le fichier que vous choisissez comme corrigé (un fichier d’exercice déposé avec ' +
    `les autres est pris comme corrigé tant qu’aucun n’est choisi${NN}; changez-le dans le menu). Chaque élève apparaît ` +
    'sous le nom indiqué dans son export, suivi du nom du fichier (pour un dossier, son chemin dans le dossier). Les ' +
    `fichiers de même nom sont gardés séparément${NN}; ceux qui se répètent sont signalés ci-dessous.`,
  hWarnings: 'Fichiers à vérifier',
  hFailed: 'Fichiers illisibles',
  failedNote: `Ces fichiers sont écartés${NN}; les autres comptent quand même.`,
  hStudents: '3. Élèves',
  studentsHelp: `Réussite${NB}: la part des phrases étiquetées dans votre corrigé que l’élève a étiquetées de la même ` +
    'façon (l’étiquette d’une phrase est celle qui en couvre la plus grande partie, plus de la moitié). ' +
    `P, R, F1${NB}: précision, rappel et F1 des caractères surlignés, par étiquette, par rapport au corrigé. ` +
    `${q('n.d.')}${NB}: la précision demande un passage surligné par l’élève avec cette étiquette, le rappel un ` +
    `passage du corrigé. Manqués${NB}: les surlignages du corrigé qu’aucun passage de l’élève de même étiquette ne touche.`,
  hAgreement: '4. Accord de la classe',
  fleissLabel: 'κ de Fleiss (étiquettes des phrases, tous les élèves)',
  cohenMeanLabel: 'κ de Cohen moyen (par paires d’élèves)',
  hHeat: '5. Phrases, les plus discutées d’abord',
  heatHelp: `Nombre d’élèves ayant donné chaque étiquette à chaque phrase (${q('aucune')}${NB}: aucun surlignage n’en ` +
    `couvre plus de la moitié). Cellules plus foncées${NB}: plus d’élèves.`,
  hCsv: '6. Télécharger en CSV',
  csvStudents: 'Élèves (CSV)', csvSentences: 'Phrases (CSV)', csvPairs: 'Paires (CSV)',

  // ---- review.js ----
  ratio: (v) => dec(v, 2),
  kappa: (v) => dec(v, 3),
  num,
  na: 'n.d.',
  undef: (why) => `non défini${NB}: ${why}`,
  kappaReasons: {
    'no sentences to rate': 'aucune phrase à évaluer',
    'fewer than two raters': 'moins de deux élèves',
    'every rating is in one category, so chance agreement is total':
      'toutes les étiquettes sont dans la même catégorie, l’accord dû au hasard est donc total',
    'items were rated by different numbers of raters': 'les phrases n’ont pas été évaluées par le même nombre d’élèves',
  },
  noPair: 'aucune paire d’élèves n’a de κ défini',
  fewerStudents: 'moins de deux élèves',
  loadingArticle: 'Chargement de l’article…',
  article: (title, n) => `Article${NB}: ${title || '(sans titre)'} — ${plural(n, 'phrase')} dans le corps de l’article.`,
  articleFromExercise: (title, ex, n) => `Article${NB}: ${title || '(sans titre)'}, tiré du fichier d’exercice ${q(ex)} ` +
    `(le corrigé) — ${plural(n, 'phrase')} dans le corps de l’article. Le choix ci-dessus s’applique de nouveau si ` +
    'vous choisissez un autre corrigé.',
  articleFail: (m) => `L’article n’a pas pu être chargé${NB}: ${m}`,
  noKey: 'Aucun corrigé (accord de la classe seulement)',
  exerciseOption: (title, name) => `Exercice${title ? ` ${q(title)}` : ''} (${name})`,
  reading: (n) => `Lecture de ${plural(n, 'fichier')}…`,
  readingFolder: 'Lecture du dossier…',
  scored: (n, key, failed, ms) => `${plural(n, 'élève')} évalué${s(n)}${key ? ` par rapport au corrigé ${q(key)}` : ', sans corrigé'}` +
    `${failed ? `${NN}; ${plural(failed, 'fichier')} n’${failed === 1 ? 'a' : 'ont'} pas pu être lu${s(failed)}` : ''}` +
    ` (${num(Math.round(ms))}${NB}ms).`,
  ignored: (n) => `${plural(n, 'autre fichier', 'autres fichiers')} du dossier ${n === 1 ? 'a' : 'ont'} été ignoré${s(n)} ` +
    '(seuls ses fichiers .json et .jsonld sont lus).',
  nothingInFolder: (n) => 'Aucun fichier .json ou .jsonld dans le dossier' +
    `${n ? ` (${plural(n, 'autre fichier', 'autres fichiers')} ignoré${s(n)})` : ''}.`,
  empty: 'Aucun fichier pour l’instant.',
  keyInfo: (name, n, orphans) => `Corrigé${NB}: ${name} — ${plural(n, 'annotation')}` +
    `${orphans ? `, dont ${num(orphans)} introuvable${s(orphans)} dans l’article` : ''}.`,
  keyNone: `Aucun corrigé choisi${NB}: choisissez votre fichier corrigé ci-dessus, ou l’un des fichiers chargés dans ce menu.`,
  noStudents: `Aucun fichier d’élève n’est encore pris en compte${NB}: ajoutez les exports des élèves pour voir leurs ` +
    'résultats et l’accord de la classe.',
  keyFailed: (m) => `corrigé${NB}: ${m}`,
  failure,
  failedItem: (why) => `${NB}: ${why}`,
  notText: 'ce n’est pas un fichier texte',
  noKeyNote: `Aucun corrigé choisi${NB}: la réussite, le recouvrement et les surlignages manqués en demandent un${NN}; ` +
    'l’accord de la classe ci-dessous, non.',
  studentsCaption: 'Chaque élève par rapport au corrigé',
  student: 'Élève', annotations: 'Annotations', accuracy: 'Réussite', missed: 'Manqués',
  who: (name, creator) => (creator ? `${creator} (${name})` : name),
  annCount: (n, orphans, broken) => `${num(n)}` +
    `${orphans ? ` (dont ${num(orphans)} introuvable${s(orphans)} dans l’article)` : ''}` +
    `${broken ? ` (${num(broken)} ignorée${s(broken)})` : ''}`,
  accCell: (v, c, n) => `${pct(v)} (${num(c)}/${num(n)})`,
  accNone: (n) => (n === 0 ? 'n.d. (le corrigé n’étiquette aucune phrase)' : 'n.d.'),
  metric: { precision: 'P', recall: 'R', f1: 'F1' },
  metricLong: { precision: 'précision', recall: 'rappel', f1: 'F1' },
  metricTitle: (tag, metric) => `${metric} (${tag})`,
  tags: { fact: 'Fait', analysis: 'Analyse', quote: 'Citation', none: 'aucune' },
  missedSummary: (n) => `${num(n)} manqué${s(n)}`,
  missedItem: (tag, quote) => `${tag}${NB}: ${q(quote)}`,
  pairsCaption: (shown, all) => `κ de Cohen pour chaque paire d’élèves${shown < all ? ` (les ${num(shown)} premières sur ${num(all)})` : ''}`,
  pairA: 'Élève A', pairB: 'Élève B', cohen: 'κ de Cohen',
  pairsMore: (n) => `Afficher les ${num(n)} paires`,
  fleiss: (v, raters, n) => `${v} (${plural(raters, 'élève')}, ${plural(n, 'phrase')})`,
  cohenMean: (v, defined, all) => `${v} (moyenne de ${num(defined)} ${defined === 1 ? 'paire' : 'paires'} sur ${num(all)})`,
  heatCaption: 'Nombre d’élèves par étiquette pour chaque phrase du corps de l’article, les plus discutées d’abord',
  rank: 'Rang', sentence: 'Phrase', key: 'Corrigé', dispute: 'Désaccord',
  sameName: (name, shown) => `${num(shown.length)} fichiers s’appellent ${q(name)}${NB}: ils sont gardés séparément, ` +
    `sous les noms ${list(shown)}.`,
  sameAsKey: (files) => `${list(files)} ${files.length === 1 ? 'a' : 'ont'} exactement les annotations du corrigé ` +
    `(le corrigé chargé une seconde fois${NN}?)${NB}: écarté${s(files.length)} des résultats.`,
  repeated: (files, kept) => `${list(files)} ont les mêmes annotations (le fichier d’un même élève chargé deux fois${NN}?)${NB}: ` +
    `comptés une seule fois, sous ${q(kept)}${NN}; les autres sont écartés.`,
  copied: (files) => `${list(files)} ont les mêmes annotations sous des noms différents${NB}: tous sont comptés — vérifiez-les.`,
  sameCreator: (creator, files) => `${num(files.length)} fichiers de ${q(creator)}${NB}: ${list(files)}. Tous sont comptés${NN}; ` +
    'si un élève a rendu son travail deux fois, retirez le fichier le plus ancien.',
  remove: (name) => `Retirer ${q(name)}`,
};
