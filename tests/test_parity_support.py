"""A faithful English/French page pair exercising every construct the parity check compares."""

from __future__ import annotations

from pathlib import Path

from datajam.parity.findings import Finding
from datajam.parity.tree import Tree, check, sync

NB = "\u00a0"
NNB = "\u202f"

EN = """---
description: How human trafficking takes different forms in Canada.
content_note: true
---

# Forms of exploitation

!!! abstract "What you will learn"
    - The main forms of exploitation.
    - Why labour trafficking is under-reported.

## Sexual exploitation {#sexual}

In 2022, police reported 1,708 incidents; 97% involved women and girls.[^statcan-2024]
Victims lost $1,000 on average, 3.5 times more than in 2019. See the
[figures](../module-2/figures.md#dark-figure) and the
[Criminal Code](https://laws-lois.justice.gc.ca/eng/acts/C-46/section-279.01.html).

![Bar chart of incidents by year](img/incidents.png)

| Year | Incidents |
|---|---|
| 2019 | 1,100 |
| 2022 | 1,708 |

### Polaris {#polaris}

Call 1-833-900-1010, 24/7. The session starts on May 8, 2021 at 2:30 p.m.
Details on the [Government of Canada site](https://www.canada.ca/en/public-safety-canada/services/human-trafficking.html).

=== "Online"

    Recruitment on social media.

=== "In person"

    Recruitment through friends.

??? note "Sources of the data"
    Police-reported data only.

```python
print("same in both languages")
```

1. First step.
2. Second step.

[^statcan-2024]: Statistics Canada. *Trafficking in persons in Canada, 2022*. Juristat, 2024. <https://www150.statcan.gc.ca/n1/pub/85-002-x/2024001/article/00001-eng.htm>
"""

FR = f"""---
description: Les formes que prend la traite des personnes au Canada.
content_note: true
---

# Formes d’exploitation

!!! abstract "Ce que vous apprendrez"
    - Les principales formes d’exploitation.
    - Pourquoi la traite à des fins de travail forcé est sous-déclarée.

## Exploitation sexuelle {{#sexual}}

En 2022, la police a déclaré 1{NB}708 incidents; 97{NB}% touchaient des femmes et des filles[^statcan-2024].
Les victimes ont perdu 1{NNB}000{NB}$ en moyenne, 3,5 fois plus qu’en 2019. Voir les
[chiffres](../module-2/figures.md#dark-figure) et le
[Code criminel](https://laws-lois.justice.gc.ca/fra/lois/C-46/article-279.01.html).

![Diagramme des incidents par année](img/incidents.png)

| Année | Incidents |
|---|---|
| 2019 | 1{NB}100 |
| 2022 | 1{NB}708 |

### Polaris {{#polaris}}

Composez le 1-833-900-1010, 24 heures sur 24, 7 jours sur 7. La séance commence le 8 mai 2021 à 14 h 30.
Détails sur le [site du gouvernement du Canada](https://www.canada.ca/fr/securite-publique-canada/services/traite-personnes.html).

=== "En ligne"

    Recrutement dans les médias sociaux.

=== "En personne"

    Recrutement par des amis.

??? note "Sources des données"
    Données déclarées par la police seulement.

```python
print("same in both languages")
```

1. Première étape.
2. Deuxième étape.

[^statcan-2024]: Statistique Canada. *Trafficking in persons in Canada, 2022*{{ lang=en }}. Juristat, 2024. <https://www150.statcan.gc.ca/n1/pub/85-002-x/2024001/article/00001-fra.htm>
"""

PAGE = "handbook/forms.md"


def write_pair(root: Path, en: str | None, fr: str | None, page: str = PAGE) -> Tree:
    for side, text in (("en", en), ("fr", fr)):
        (root / side).mkdir(parents=True, exist_ok=True)
        if text is not None:
            path = root / side / page
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return Tree(root / "en", root / "fr", root / "snapshots")


def findings_for(root: Path, en: str | None, fr: str | None, synced: bool = True) -> list[Finding]:
    """Check one pair; when ``synced``, record the French page as synced first (so only content findings remain)."""
    tree = write_pair(root, en, fr)
    if synced and en is not None and fr is not None:
        sync(tree, [PAGE])
    return check(tree)[0]


def checks(findings: list[Finding]) -> set[str]:
    return {f.check for f in findings}
