// DifferenceView: A − B of two attention panels (two heads, or now against a pinned earlier
// picture) on a diverging colour scale centred on 0.
#include "difference_view.h"

#include "attention_session.h"
#include "picture_file.h"
#include "plot/matrix_plot.h"
#include "retranslator.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace attnviz::ui {

namespace {

// Combo item data: a head of the current picture is its index, a pinned head is −(index + 1).
int pinnedCode(int head) {
    return -(head + 1);
}

QString describeSnapshot(const SessionSnapshot &snapshot) {
    const auto heads = static_cast<int>(snapshot.result.attention.heads.size());
    const auto tokens = static_cast<int>(snapshot.tokens.size());
    // Two counts cannot share one %n: each is its own phrase, placed by a whole-sentence template.
    const QString tokenCount = DifferenceView::tr("%n token(s)", nullptr, tokens);
    const QString headCount = DifferenceView::tr("%n head(s)", nullptr, heads);
    if (snapshot.model)
        return DifferenceView::tr("%1, %2, seed %3, layer %4")
            .arg(tokenCount, headCount)
            .arg(snapshot.options.seed)
            .arg(snapshot.layer + 1);
    return DifferenceView::tr("%1, %2, seed %3")
        .arg(tokenCount, headCount)
        .arg(snapshot.options.seed);
}

} // namespace

DifferenceView::DifferenceView(AttentionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_first(new QComboBox)
    , m_second(new QComboBox)
    , m_pinButton(new QPushButton)
    , m_saveButton(new QPushButton)
    , m_pinLabel(new QLabel)
    , m_picture(new MatrixPlot) {
    auto *aLabel = new QLabel, *bLabel = new QLabel;
    (new Retranslator(this))->add([=, this] {
        m_pinButton->setText(tr("Pin"));
        m_saveButton->setText(tr("Save…"));
        if (!m_pinned)
            m_pinLabel->setText(tr("Nothing pinned: \"Pin\" keeps the current picture to "
                                   "compare later ones with it."));
        m_pinButton->setToolTip(tr("Keep the current picture; change a setting, then choose a "
                                   "pinned head as B"));
        aLabel->setText(tr("A"));
        bLabel->setText(tr("minus B"));
    });
    m_pinLabel->setWordWrap(true);
    auto *choices = new QGridLayout;
    choices->addWidget(aLabel, 0, 0);
    choices->addWidget(m_first, 0, 1);
    choices->addWidget(bLabel, 0, 2);
    choices->addWidget(m_second, 0, 3);
    choices->addWidget(m_pinButton, 0, 4);
    choices->addWidget(m_saveButton, 0, 5);
    choices->setColumnStretch(1, 1);
    choices->setColumnStretch(3, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(choices);
    layout->addWidget(m_pinLabel);
    layout->addWidget(m_picture, 1);
    m_picture->setScale(MatrixScale::diverging());
    m_picture->setColorBarVisible(true);
    m_picture->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_picture->setMinimumSize(200, 180);

    connect(m_pinButton, &QPushButton::clicked, this, &DifferenceView::pin);
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the difference"), tr("difference.pdf"),
                                         tr("PDF (*.pdf);;SVG (*.svg);;PNG images (*.png)"));
        if (path.isEmpty())
            return;
        const QString error = saveImage(path);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Save the difference"), error);
    });
    connect(m_first, &QComboBox::currentIndexChanged, this, &DifferenceView::recompute);
    connect(m_second, &QComboBox::currentIndexChanged, this, &DifferenceView::recompute);
    connect(m_session, &AttentionSession::resultChanged, this, [this] {
        refillChoices();
        recompute();
    });
    refillChoices();
    recompute();
}

void DifferenceView::pin() {
    m_pinned = m_session->snapshot();
    if (!m_pinned)
        return;
    m_pinLabel->setText(tr("Pinned: %1").arg(describeSnapshot(*m_pinned)));
    refillChoices();
    // Pinning says "compare with this": choose the same head of the pin as B.
    const int head = std::max(0, m_first->currentData().toInt());
    choose(head, head, true);
}

void DifferenceView::choose(int headA, int headB, bool bFromPin) {
    const int first = m_first->findData(headA);
    const int second = m_second->findData(bFromPin ? pinnedCode(headB) : headB);
    const QSignalBlocker blockFirst(m_first), blockSecond(m_second);
    if (first >= 0)
        m_first->setCurrentIndex(first);
    if (second >= 0)
        m_second->setCurrentIndex(second);
    recompute();
}

void DifferenceView::refillChoices() {
    const auto snapshot = m_session->snapshot();
    const QVariant keepFirst = m_first->currentData(), keepSecond = m_second->currentData();
    const QSignalBlocker blockFirst(m_first), blockSecond(m_second);
    m_first->clear();
    m_second->clear();
    const int heads = snapshot ? static_cast<int>(snapshot->result.attention.heads.size()) : 0;
    for (int h = 0; h < heads; ++h) {
        m_first->addItem(tr("Head %1").arg(h + 1), h);
        m_second->addItem(tr("Head %1").arg(h + 1), h);
    }
    if (m_pinned) {
        const auto pinnedHeads = static_cast<int>(m_pinned->result.attention.heads.size());
        for (int h = 0; h < pinnedHeads; ++h)
            m_second->addItem(tr("Pinned head %1").arg(h + 1), pinnedCode(h));
    }
    const int first = m_first->findData(keepFirst);
    m_first->setCurrentIndex(first >= 0 ? first : 0);
    const int second = m_second->findData(keepSecond);
    m_second->setCurrentIndex(second >= 0 ? second : std::min(1, m_second->count() - 1));
}

QString DifferenceView::saveImage(const QString &path) const {
    // The picture as shown, on white (a figure, whatever the desktop theme).
    return savePicture(
        path, m_picture->size(),
        [this](QPainter &painter) {
            m_picture->paintTo(painter, m_picture->size(), Qt::white, QColor(0x20, 0x20, 0x20));
        },
        tr("attnviz: difference of two heads"));
}

QString DifferenceView::note() const {
    return m_picture->note();
}

void DifferenceView::recompute() {
    m_difference.resize(0, 0);
    const auto snapshot = m_session->snapshot();
    const int first = m_first->currentData().toInt();
    const int secondCode = m_second->currentData().toInt();
    if (!snapshot || m_first->currentIndex() < 0 || m_second->currentIndex() < 0) {
        m_picture->setNote(tr("No picture yet."));
        emit differenceChanged();
        return;
    }
    const bool fromPin = secondCode < 0;
    const SessionSnapshot &other = fromPin ? *m_pinned : *snapshot;
    const int second = fromPin ? -secondCode - 1 : secondCode;
    const Eigen::MatrixXf &a = snapshot->result.attention.heads[std::size_t(first)].weights;
    const Eigen::MatrixXf &b = other.result.attention.heads[std::size_t(second)].weights;
    if (a.rows() != b.rows() || a.cols() != b.cols()) {
        m_picture->setNote(tr("Cannot subtract: the pinned picture has %1 tokens and this one "
                              "has %2. Make the sentences the same length, or pin again.")
                               .arg(b.rows())
                               .arg(a.rows()));
        emit differenceChanged();
        return;
    }
    m_difference = a - b;
    const QString nameB =
        fromPin ? tr("pinned head %1").arg(second + 1) : tr("head %1").arg(second + 1);
    m_picture->setLabels(snapshot->tokens, snapshot->tokens);
    m_picture->setMatrix(m_difference);
    m_picture->setCaption(tr("Head %1 minus %2 (red: A attends more; blue: B attends more)")
                              .arg(first + 1)
                              .arg(nameB));
    emit differenceChanged();
}

} // namespace attnviz::ui
