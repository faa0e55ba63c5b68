"""The interface language: Qt translators (ours and qtbase's), View ▸ Language, `translate` for code
outside QObject classes.

Texts are marked the Qt way so that `make translations` (pyside6-lupdate) finds them:
`self.tr("...")` in a QObject class (context: the class), `translate("Context", "...")` elsewhere,
`QT_TRANSLATE_NOOP("Context", "...")` for module-level tables translated when shown. Placeholders
are named and filled after translating: `self.tr("{n} images").format(n=...)`; never an f-string.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QT_TRANSLATE_NOOP, QTranslator

from nnstudio.paths import i18n_dir

SYSTEM, ENGLISH, CHINESE = "system", "en", "zh_CN"
CHOICES = (SYSTEM, ENGLISH, CHINESE)
# What View ▸ Language shows: each language in its own words (only "System" is translated).
CHOICE_NAMES = {SYSTEM: QT_TRANSLATE_NOOP("Language", "System"), ENGLISH: "English", CHINESE: "简体中文"}
CATALOG = "nnstudio"  # resources/i18n/nnstudio_<language>.qm

__all__ = ["QT_TRANSLATE_NOOP", "translate", "resolve", "apply_language", "active_language"]

_active = ENGLISH
_translators: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language (QCoreApplication.translate); lupdate reads the literal
    arguments of every `translate("Context", "text")` call, so both must be string literals there."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language to use: ENGLISH or CHINESE. "system" follows the locale's first interface
    language (a Chinese one gives Simplified Chinese, anything else English)."""
    if choice in (ENGLISH, CHINESE):
        return choice
    locale = QLocale.system() if locale is None else locale
    languages = locale.uiLanguages() or [locale.name()]
    first = languages[0].replace("-", "_").lower()
    return CHINESE if first.startswith("zh") else ENGLISH


def active_language() -> str:
    """The language whose translators are installed (ENGLISH until apply_language says otherwise)."""
    return _active


def apply_language(choice: str, app=None) -> str:
    """Install the translators for `choice` (one of CHOICES) in place of the previous ones and return
    the language used. Qt then sends every widget a LanguageChange event: widgets with the
    Retranslatable mixin (nnstudio.gui.widgets.retranslate) set their texts again at once.
    A missing .qm leaves the interface in English; never raises."""
    global _active
    app = QCoreApplication.instance() if app is None else app
    language = resolve(choice)
    for translator in _translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    _translators.clear()
    # Numbers: both locales write "." as the decimal point and "," between thousands, so spin
    # boxes show (and read) numbers as Python writes them, whatever the system's own locale.
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.SimplifiedChineseScript, QLocale.China)
                       if language == CHINESE else QLocale(QLocale.English, QLocale.UnitedStates))
    if language != ENGLISH:
        qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
        for name, folder in (("qtbase", qt_dir), (CATALOG, str(i18n_dir()))):
            translator = QTranslator(app)
            if translator.load(f"{name}_{language}", folder):
                app.installTranslator(translator)
                _translators.append(translator)
    _active = language
    return language
