/**
 * @fileoverview French rule titles and messages. Keys: `<ruleId>` (titles) and
 * `<ruleId>/<messageId>` (messages); placeholders stay as in English. Kubernetes field names,
 * kinds and commands stay in English, as in the French Kubernetes documentation.
 */
import type { Catalogue } from './index';

export const FR: Catalogue = {
  titles: {
    'helm-template': 'Les templates Helm ne sont pas analysés',
    'input-too-large': 'L’entrée doit rester dans les limites d’analyse',
    'no-latest-image-tag': 'Les images doivent être épinglées à une version',
    'no-rbac-wildcard': 'Les règles RBAC ne doivent pas utiliser de jokers',
    'require-liveness-probe': 'Les conteneurs doivent avoir une sonde de vivacité (liveness)',
    'require-readiness-probe': 'Les conteneurs doivent avoir une sonde de disponibilité (readiness)',
    'yaml-duplicate-key': 'Les clés d’un mapping doivent être uniques',
    'yaml-syntax': 'Le YAML doit être valide',
  },
  messages: {
    'helm-template/skipped': 'Ce fichier est un template Helm/Go : il est ignoré. Analysez plutôt la sortie de `helm template`.',
    'input-too-large/fileTooLarge': 'Ce fichier fait {{size}}, au-delà de la limite de {{limit}} : il n’a pas été analysé. Découpez-le en fichiers plus petits.',
    'input-too-large/tooDeep': 'Ce document est imbriqué sur plus de {{limit}} niveaux : il n’a pas été analysé. Aucun objet Kubernetes n’a besoin d’une telle profondeur.',
    'input-too-large/tooManyAliases': 'Ce document développe plus de {{limit}} alias YAML (une bombe d’alias ?) : il n’a pas été vérifié. Remplacez les alias par des valeurs simples.',
    'input-too-large/unreadable': 'Ce document n’a pas pu être lu : {{reason}}.',
    'no-latest-image-tag/latest': 'Le conteneur « {{container}} » utilise l’image « {{image}} » avec le tag latest : les pods peuvent exécuter des versions différentes et un rollback ne peut pas revenir en arrière. Épinglez un tag de version ou un digest.',
    'no-latest-image-tag/noTag': 'Le conteneur « {{container}} » utilise l’image « {{image}} » sans tag, ce qui signifie latest : les pods peuvent exécuter des versions différentes et un rollback ne peut pas revenir en arrière. Épinglez un tag de version ou un digest.',
    'no-rbac-wildcard/verbs': 'Cette règle accorde tous les verbes (« * ») sur {{resources}} : y compris delete, escalate et les verbes ajoutés plus tard. Listez les verbes dont le sujet a besoin.',
    'no-rbac-wildcard/resources': 'Cette règle donne accès à toutes les ressources (« * »), y compris les Secrets et les sous-ressources comme pods/exec. Listez les ressources dont le sujet a besoin.',
    'no-rbac-wildcard/apiGroups': 'Cette règle s’applique à tous les groupes d’API (« * »), y compris les ressources personnalisées installées plus tard. Listez les groupes d’API dont le sujet a besoin.',
    'require-liveness-probe/missing': 'Le conteneur « {{container}} » n’a pas de sonde de vivacité : s’il se bloque, Kubernetes ne le redémarrera pas. Ajoutez un livenessProbe qui échoue quand le processus est bloqué.',
    'require-readiness-probe/missing': 'Le conteneur « {{container}} » n’a pas de sonde de disponibilité : il recevra du trafic avant de pouvoir le servir, et les requêtes échoueront pendant les déploiements progressifs. Ajoutez un readinessProbe.',
    'yaml-duplicate-key/duplicateKey': 'La clé « {{key}} » apparaît deux fois dans ce mapping : une seule des valeurs serait utilisée. Supprimez ou fusionnez le doublon.',
    'yaml-syntax/syntax': 'Erreur de syntaxe YAML : {{reason}}. Ce document ne peut être ni appliqué ni vérifié tant qu’il n’est pas valide.',
    'yaml-syntax/unreadable': 'Ce fichier ne peut pas être lu comme du YAML : {{reason}}.',
  },
};
