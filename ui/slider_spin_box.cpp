#include "slider_spin_box.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

namespace attnviz::ui {

SliderSpinBox::SliderSpinBox(int minimum, int sliderMaximum, int spinMaximum, QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spin(new QSpinBox(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spin);
    m_slider->setRange(minimum, sliderMaximum);
    m_spin->setRange(minimum, spinMaximum);
    m_spin->setKeyboardTracking(false); // typing "128" does not pass through 1 and 12
    m_spin->setAccelerated(true);
    m_spin->setMinimumWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 30);
    setFocusProxy(m_slider);

    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (v == m_spin->value())
            return;
        const QSignalBlocker block(m_spin);
        m_spin->setValue(v);
        emit valueChanged(v);
    });
    connect(m_spin, &QSpinBox::valueChanged, this, [this](int v) {
        {
            const QSignalBlocker block(m_slider);
            m_slider->setValue(v); // clamps to the slider's range; the spin box keeps the value
        }
        emit valueChanged(v);
    });
}

int SliderSpinBox::value() const {
    return m_spin->value();
}

void SliderSpinBox::setValue(int value) {
    const QSignalBlocker blockSlider(m_slider);
    const QSignalBlocker blockSpin(m_spin);
    m_slider->setValue(value);
    m_spin->setValue(value);
}

void SliderSpinBox::setSingleStep(int step) {
    m_slider->setSingleStep(step);
    m_slider->setPageStep(step * 4);
    m_spin->setSingleStep(step);
}

} // namespace attnviz::ui
