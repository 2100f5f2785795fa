#include "tour_panel.h"

#include "main_window.h"
#include "tour_actions.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

// Q_INIT_RESOURCE must be used outside any namespace; the pages live in this static library.
static void initTourResources() {
    Q_INIT_RESOURCE(tour);
}

namespace attnviz::ui {

namespace {

QString readPage(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString titleOf(const QString &html) {
    QTextDocument document;
    document.setHtml(html);
    return document.metaInformation(QTextDocument::DocumentTitle);
}

} // namespace

QString TourPanel::languageFor(const QLocale &locale) {
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QStringList TourPanel::pageFiles(const QString &language) {
    initTourResources();
    const QDir folder(QStringLiteral(":/tour/") + language);
    QStringList files;
    for (const QString &name :
         folder.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name))
        files << folder.filePath(name);
    return files;
}

TourPanel::TourPanel(TourActions *actions, QWidget *parent)
    : QWidget(parent)
    , m_actions(actions)
    , m_list(new QComboBox(this))
    , m_browser(new QTextBrowser(this))
    , m_action(new QPushButton(this))
    , m_note(new QLabel(this))
    , m_back(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_position(new QLabel(this)) {
    QFont text = m_browser->font();
    text.setPointSizeF(text.pointSizeF() * 1.15); // read from a projector, too
    m_browser->setFont(text);
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_action->setDefault(true);
    // Long page titles must not widen the panel: the heads need the room.
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(16);
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    m_position->setAlignment(Qt::AlignCenter);

    auto *navigation = new QHBoxLayout;
    navigation->addWidget(m_back);
    navigation->addWidget(m_position, 1);
    navigation->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_note);
    layout->addLayout(navigation);

    connect(m_list, &QComboBox::activated, this, &TourPanel::setPage);
    connect(m_back, &QPushButton::clicked, this, [this] { setPage(m_page - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setPage(m_page + 1); });
    connect(m_action, &QPushButton::clicked, this, &TourPanel::applyPage);
    connect(m_actions, &TourActions::ready, this, [this](int page) {
        if (page == m_page)
            m_note->setVisible(false);
    });
    retranslate();
    loadPages();
}

void TourPanel::loadPages() {
    m_language = languageFor(QLocale());
    m_pages.clear();
    m_titles.clear();
    for (const QString &path : pageFiles(m_language)) {
        m_pages << readPage(path);
        m_titles << titleOf(m_pages.last());
    }
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (qsizetype i = 0; i < m_titles.size(); ++i)
        m_list->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(m_titles[i]));
    showPage();
}

void TourPanel::retranslate() {
    m_back->setText(tr("◀ Back"));
    m_next->setText(tr("Next ▶"));
    m_list->setToolTip(tr("Go to a page of the tour"));
    m_action->setToolTip(tr("Set the window up for what this page explains"));
}

void TourPanel::setPage(int page) {
    m_page = std::clamp(page, 0, std::max(0, pageCount() - 1));
    m_note->setVisible(false);
    showPage();
}

void TourPanel::showPage() {
    m_page = std::clamp(m_page, 0, std::max(0, pageCount() - 1));
    const QSignalBlocker block(m_list);
    m_list->setCurrentIndex(m_page);
    m_browser->setHtml(pageHtml());
    m_action->setText(m_actions->buttonText(m_page));
    m_action->setVisible(!m_action->text().isEmpty());
    m_back->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
    m_position->setText(tr("Page %1 of %2").arg(m_page + 1).arg(pageCount()));
}

QSize TourPanel::sizeHint() const {
    // Measured on Latin letters: a CJK font's average advance is a full-width character's.
    const int width = QFontMetrics(m_browser->font()).horizontalAdvance(QString(40, u'n')) + 24;
    return {width, QWidget::sizeHint().height()};
}

QString TourPanel::pageTitle() const {
    return m_titles.value(m_page);
}

QString TourPanel::pageHtml() const {
    return m_pages.value(m_page);
}

void TourPanel::applyPage() {
    const QString error = m_actions->apply(m_page);
    if (!error.isEmpty())
        m_note->setText(error);
    else if (m_actions->pendingPage() == m_page)
        m_note->setText(tr("Opening the built-in English model…"));
    m_note->setVisible(!error.isEmpty() || m_actions->pendingPage() == m_page);
}

void TourPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        loadPages();
    }
}

TourDock::TourDock(MainWindow *window, AttentionSession *session)
    : QDockWidget(window) {
    setObjectName(QStringLiteral("tourDock"));
    m_actions = new TourActions(window, session, this);
    m_panel = new TourPanel(m_actions, this);
    setWidget(m_panel);
    setWindowTitle(tr("Why multi-head attention?"));
}

void TourDock::showEvent(QShowEvent *event) {
    QDockWidget::showEvent(event);
    auto *window = qobject_cast<QMainWindow *>(parentWidget());
    if (!m_sized && window && !isFloating()) {
        m_sized = true;
        window->resizeDocks({this}, {m_panel->sizeHint().width()}, Qt::Horizontal);
    }
}

void TourDock::changeEvent(QEvent *event) {
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        setWindowTitle(tr("Why multi-head attention?"));
}

} // namespace attnviz::ui
