import os

from celery import Celery

celery = Celery("shop", broker=os.environ["CELERY_BROKER_URL"], backend=os.environ["CELERY_RESULT_BACKEND"])


@celery.task
def send_receipt(order_id: int) -> str:
    return f"receipt for order {order_id} sent"
