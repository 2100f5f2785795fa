#include "picture_file.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace attnviz::ui {

namespace {

struct PictureFile {
    Q_DECLARE_TR_FUNCTIONS(PictureFile)
};

} // namespace

QString savePicture(const QString &path, const QSize &size,
                    const std::function<void(QPainter &)> &paint, const QString &title) {
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return PictureFile::tr("Cannot save to '%1': it is not a regular file.").arg(path);
    const QString format = info.suffix().toLower();
    if (format != QLatin1String("png") && format != QLatin1String("svg") &&
        format != QLatin1String("pdf"))
        return PictureFile::tr("Cannot tell the format of '%1': use .png, .svg or .pdf.").arg(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return PictureFile::tr("Cannot save to '%1': %2").arg(path, file.errorString());
    if (format == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull())
            return PictureFile::tr("Cannot save to '%1': not enough memory for the image.")
                .arg(path);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.scale(2, 2);
            paint(painter);
        }
        QImageWriter writer(&file, "png");
        if (!writer.write(image))
            return PictureFile::tr("Cannot save to '%1': %2").arg(path, writer.errorString());
    } else if (format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);
        svg.setTitle(title);
        QPainter painter;
        if (!painter.begin(&svg))
            return PictureFile::tr("Cannot save to '%1': the SVG could not be started.").arg(path);
        paint(painter);
        painter.end();
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("attnviz"));
        pdf.setTitle(title);
        QPainter painter;
        if (!painter.begin(&pdf))
            return PictureFile::tr("Cannot save to '%1': the PDF could not be started.").arg(path);
        paint(painter);
        painter.end();
    }
    // QSvgGenerator and QPdfWriter do not report failed writes; the file does.
    if (file.error() != QFileDevice::NoError || !file.commit())
        return PictureFile::tr("Cannot save to '%1': %2").arg(path, file.errorString());
    return {};
}

} // namespace attnviz::ui
