// TourPanel: the guided tour "Why multi-head attention?", short pages in the interface language,
// each with a button that sets the window up for what it explains; TourDock holds it.
#pragma once

#include <QDockWidget>
#include <QLocale>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace attnviz::ui {

class AttentionSession;
class MainWindow;
class TourActions;

// Pages are resources/tour/<language>/NN.html (their <title> names them in the page list). The
// language follows QLocale(): Chinese pages for a Chinese locale, English otherwise, reloaded
// when the interface language changes (QEvent::LanguageChange).
class TourPanel : public QWidget {
    Q_OBJECT
public:
    explicit TourPanel(TourActions *actions, QWidget *parent = nullptr);

    int pageCount() const { return static_cast<int>(m_pages.size()); }
    int currentPage() const { return m_page; }
    // Shows a page (0-based, clamped).
    void setPage(int page);
    // "en" or "zh_CN": the folder the pages were read from.
    QString language() const { return m_language; }
    // The current page's title and HTML.
    QString pageTitle() const;
    QString pageHtml() const;

    QTextBrowser *browser() const { return m_browser; }
    QPushButton *actionButton() const { return m_action; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *nextButton() const { return m_next; }
    QComboBox *pageList() const { return m_list; }
    QLabel *noteLabel() const { return m_note; }
    // A column for reading: about 40 characters wide, so the heads keep most of the window.
    QSize sizeHint() const override;

    // The page folder for an interface language.
    static QString languageFor(const QLocale &locale);
    // The pages of a language, in order, as resource paths.
    static QStringList pageFiles(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadPages();
    void retranslate();
    void showPage();
    void applyPage();

    TourActions *m_actions;
    QString m_language;
    QStringList m_pages, m_titles; // HTML and titles of the language's pages
    int m_page = 0;
    QComboBox *m_list;
    QTextBrowser *m_browser;
    QPushButton *m_action;
    QLabel *m_note;
    QPushButton *m_back, *m_next;
    QLabel *m_position;
};

// The tour's dock on the right of the window; its toggle action is the Help menu's entry.
class TourDock : public QDockWidget {
    Q_OBJECT
public:
    TourDock(MainWindow *window, AttentionSession *session);

    TourPanel *panel() const { return m_panel; }
    TourActions *actions() const { return m_actions; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    TourActions *m_actions;
    TourPanel *m_panel;
    bool m_sized = false; // the first show gives the dock its reading width
};

} // namespace attnviz::ui
