"""Interview practice: questions for a job (LLM or the offline bank), answers scored with streamed feedback (LLM
rubric or the offline one), history and performance statistics."""
